"""Model fields for text a person types: personal data in it is masked before it reaches the database.

`MaskedCharField` and `MaskedTextField` mask in `pre_save` (so the saved instance, and whatever is
rendered or sent from it afterwards, holds the masked text) and again in `get_prep_value` (so
`QuerySet.update()`, `bulk_update()` and raw inserts that prepare values through the field are covered
too). Masking is `chinjeol.korean.pii.mask_text`: idempotent, and a text it has just produced is not scanned again.
"""

from __future__ import annotations

from django.db import models

from chinjeol.korean.pii import mask_text


class _Masked:
    def pre_save(self, model_instance, add):
        value = super().pre_save(model_instance, add)
        if isinstance(value, str) and value:
            masked = mask_text(value)
            if masked != value:
                setattr(model_instance, self.attname, masked)
            return masked
        return value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return mask_text(value) if isinstance(value, str) and value else value


class MaskedCharField(_Masked, models.CharField):
    """A CharField whose personal numbers, e-mail addresses and the like are masked on save."""


class MaskedTextField(_Masked, models.TextField):
    """A TextField whose personal numbers, e-mail addresses and the like are masked on save."""


def mask_existing_rows(app_label: str, *, batch: int = 500):
    """A `RunPython` step for the migration that turns an app's fields into masked ones: rows written
    before are masked in place, in batches, so no older text keeps what a new one could not."""

    def run(apps, schema_editor):
        for model in apps.get_app_config(app_label).get_models():
            names = [f.attname for f in model._meta.concrete_fields if isinstance(f, _Masked)]
            if not names:
                continue
            changed = []
            for obj in model._base_manager.only("pk", *names).iterator(chunk_size=batch):
                dirty = False
                for name in names:
                    value = getattr(obj, name)
                    if isinstance(value, str) and value and (masked := mask_text(value)) != value:
                        setattr(obj, name, masked)
                        dirty = True
                if dirty:
                    changed.append(obj)
                if len(changed) >= batch:
                    model._base_manager.bulk_update(changed, names)
                    changed = []
            if changed:
                model._base_manager.bulk_update(changed, names)

    return run
