"""The safety plan gets the Stanley-Brown steps in their order and the optional parts of
domestic-abuse safety planning (issue 22).

Forwards, the five old parts are kept whole and moved to the part they now belong to:

    warning_signs      -> warning_signs        (step 1, unchanged)
    staying_safe       -> coping               (step 2, my own ways to cope)
    people_places      -> help_people          (step 4, people I can ask for help; it held
                                                 people and places, kept as one text)
    professional_help  -> professional_help    (step 5, unchanged)
    keep_ready         -> documents_money      (optional: documents, money, things ready)

Columns are renamed, not copied: every row keeps its ciphertext as it is, nothing is decrypted
or written again. The nine new parts are added empty.

Backwards, the columns get their old names again, and before the new parts are dropped any
text in them is added to the end of the old part closest to it, under its heading (the steps
to "Ways to stay calm and safe" or "People and places to reach", the optional parts to "Things
and documents to keep ready"), so that going back loses no one's words. That part may then be
over the old form's 3,000 characters: the old page shows it and asks for it shorter before
saving. A row with a value the configured keys cannot read stops the migration (nothing is
changed) rather than drop that value: restore the key first (docs/encryption.md).
"""

from django.db import migrations
from django.db.models import F

import vault.fields

# New part -> (the old part it goes back into, under its new name here; its heading). Frozen
# here: a migration never reads the live content.
FOLD_BACK = {
    "distractions": ("help_people", "People and places that take my mind off things"),
    "safer_surroundings": ("coping", "Making my surroundings safer"),
    "reasons_for_living": ("coping", "My reasons for living"),
    "children": ("documents_money", "Children"),
    "pets": ("documents_money", "Pets"),
    "phone_location": ("documents_money", "Phone, accounts and location"),
    "evidence": ("documents_money", "Keeping a record"),
    "protective_orders": ("documents_money", "Protective orders"),
    "after_leaving": ("documents_money", "After leaving"),
}
NEW_PARTS = list(FOLD_BACK)


def _cannot_go_back(plan) -> RuntimeError:
    return RuntimeError(
        f"safety_safetyplan id={plan.pk} holds a value the configured keys cannot read, and "
        "migrating back would lose it. Restore the key it was written with "
        "(docs/encryption.md), then migrate back again. Nothing was changed."
    )


def keep_new_parts_going_back(apps, schema_editor):
    SafetyPlan = apps.get_model("safety", "SafetyPlan")
    plans = SafetyPlan.objects.using(schema_editor.connection.alias)
    targets = sorted({target for target, _ in FOLD_BACK.values()})
    changes = {}
    # Every row: an encrypted column cannot be filtered on (each value, empty ones too, is a
    # token of its own), so which plans have text in a new part is only known once read.
    for plan in plans.only(*NEW_PARTS, *targets).iterator(chunk_size=200):
        merged = {target: getattr(plan, target) for target in targets}
        for part, (target, heading) in FOLD_BACK.items():
            value = getattr(plan, part)
            if getattr(value, "unreadable", False):
                raise _cannot_go_back(plan)
            text = value.strip()
            if not text:
                continue
            if getattr(merged[target], "unreadable", False):
                raise _cannot_go_back(plan)
            before = merged[target].rstrip()
            block = f"{heading}:\n{text}"
            merged[target] = f"{before}\n\n{block}" if before else block
        changed = {t: v for t, v in merged.items() if v != getattr(plan, t)}
        if changed:
            changes[plan.pk] = changed
    # Written once every row has been read, so a row that stops the migration leaves all
    # rows as they were. update() leaves updated_at as it was; the version moves on, so a
    # page opened before cannot save over it.
    for pk, changed in changes.items():
        plans.filter(pk=pk).update(**changed, version=F("version") + 1)


class Migration(migrations.Migration):
    dependencies = [("safety", "0001_initial")]

    operations = [
        migrations.RenameField("safetyplan", "staying_safe", "coping"),
        migrations.RenameField("safetyplan", "people_places", "help_people"),
        migrations.RenameField("safetyplan", "keep_ready", "documents_money"),
        *(
            migrations.AddField(
                "safetyplan",
                part,
                vault.fields.EncryptedTextField(blank=True, max_length=3000),
            )
            for part in NEW_PARTS
        ),
        # Nothing to do forwards; backwards it runs first, while the new parts still exist.
        migrations.RunPython(migrations.RunPython.noop, keep_new_parts_going_back),
    ]
