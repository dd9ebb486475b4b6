"""Writes of the kindness evaluation. Other capabilities feed mileage through `mileage_record` and
department deductions through `department_deduction_record`."""

from .configuration import item_create, item_describe, item_rule_change, score_settings_change
from .ledger import (
    department_deduction_record,
    department_deduction_reverse,
    entry_points,
    ledger_changed,
    mileage_record,
    mileage_reverse,
    period_fields,
)
from .publishing import period_publish, snapshot_action_record
from .registration import (
    EVALUATOR_ITEMS,
    MAX_ROWS,
    OFFICER_ONLY_ITEMS,
    REGISTER_ROLES,
    EntriesInvalid,
    EntryRow,
    ImportResult,
    RowError,
    check_can_register,
    entries_check,
    entries_import,
    inspection_register,
    registrable_item_codes,
    registrable_staff,
)
from .upload import entries_upload, upload_rows

__all__ = [
    "EVALUATOR_ITEMS",
    "MAX_ROWS",
    "OFFICER_ONLY_ITEMS",
    "REGISTER_ROLES",
    "EntriesInvalid",
    "EntryRow",
    "ImportResult",
    "RowError",
    "check_can_register",
    "department_deduction_record",
    "department_deduction_reverse",
    "entries_check",
    "entries_import",
    "entries_upload",
    "entry_points",
    "inspection_register",
    "item_create",
    "item_describe",
    "item_rule_change",
    "mileage_record",
    "mileage_reverse",
    "ledger_changed",
    "period_fields",
    "period_publish",
    "registrable_item_codes",
    "registrable_staff",
    "score_settings_change",
    "snapshot_action_record",
    "upload_rows",
]
