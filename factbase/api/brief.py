"""Nested objects are the brief form of their own serializer."""


class BriefSerializerMixin:
    """One serializer per model; ``.brief()`` is its nested form with ``Meta.brief_fields`` (id, key, name, url).

    The brief form is a real subclass (``Brief<Model>Serializer``), so the OpenAPI schema names it apart.
    """

    _brief_classes: dict = {}

    @classmethod
    def brief(cls, **kwargs):
        brief_class = BriefSerializerMixin._brief_classes.get(cls)
        if brief_class is None:
            meta = type("Meta", (cls.Meta,), {"fields": cls.Meta.brief_fields})
            name = "Brief" + cls.__name__
            brief_class = type(name, (cls,), {"Meta": meta, "__doc__": f"The brief (nested) form of {cls.__name__}."})
            BriefSerializerMixin._brief_classes[cls] = brief_class
        return brief_class(**kwargs)
