"""The admin's view of login lockouts: who, from where, until when, and an action to lift them."""

from django.contrib import admin, messages
from django.utils import timezone

from .lockout import login_lockout_lift
from .models import LoginLockout


class ActiveFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("active", "locked out now"), ("lifted", "lifted by an admin"), ("expired", "expired")]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "active":
            return queryset.filter(lifted_at__isnull=True, locked_until__gt=now)
        if self.value() == "lifted":
            return queryset.filter(lifted_at__isnull=False)
        if self.value() == "expired":
            return queryset.filter(lifted_at__isnull=True, locked_until__lte=now)
        return queryset


@admin.register(LoginLockout)
class LoginLockoutAdmin(admin.ModelAdmin):
    list_display = ("username", "address", "state", "failures", "locked_until", "path", "lifted_by")
    list_filter = (ActiveFilter, "path")
    search_fields = ("username", "address")
    date_hierarchy = "locked_at"
    actions = ["lift"]
    fields = ("username", "address", "path", "failures", "locked_at", "last_attempt_at", "locked_until", "lifted_at",
              "lifted_by")
    readonly_fields = fields

    @admin.display(description="state")
    def state(self, obj):
        if obj.lifted_at:
            return "lifted"
        return "locked out" if obj.is_active else "expired"

    def has_add_permission(self, request):
        return False  # lockouts are made by failed logins only

    def has_delete_permission(self, request, obj=None):
        return False  # the record of an attack is kept; lift a lockout instead

    @admin.action(description="Lift the selected lockouts (clear their failed-login counts)", permissions=["change"])
    def lift(self, request, queryset):
        lifted = sum(login_lockout_lift(lockout=lockout, by=request.user) for lockout in queryset)
        self.message_user(request, f"Lifted {lifted} lockout(s); those accounts and addresses can log in again.",
                          messages.SUCCESS)
