"""``EqualsAny``: ``column = ANY(array)`` — one parameter (a list of ids) or one array expression, whatever its size."""

from django.db.models import Lookup


class EqualsAny(Lookup):
    """PostgreSQL: ``lhs = ANY(rhs::<lhs's type>[])``, ``rhs`` one array: a list given as one parameter (the same
    statement, and one parameter, whatever the number of ids — what lets a page's rows be read by a kept statement,
    ``Shape.read_ids``) or an array expression (``ArraySubquery``, computed once per statement). Used as an
    expression: ``Q(EqualsAny(F("id"), ids))``."""

    lookup_name = "equals_any"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs}::{self.lhs.output_field.cast_db_type(connection)}[])", [*lhs_params, *rhs_params]
