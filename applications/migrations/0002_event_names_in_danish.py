"""Timeline events written before events kept their names in both languages (``services.events.names``)
get the Danish name beside the English one, from the catalogue, so a Danish reader sees "Situationsplan"
where the event says "Site plan". Nothing else in the events changes; going back leaves them as they are."""

from collections import defaultdict

from django.db import migrations

REQUIREMENT_KINDS = ("not_relevant", "claim_accepted", "claim_rejected")


def add_danish_names(apps, schema_editor):
    CaseEvent = apps.get_model("applications", "CaseEvent")
    DocumentRequirement = apps.get_model("applications", "DocumentRequirement")
    ApplicationType = apps.get_model("applications", "ApplicationType")
    InformationRequestItem = apps.get_model("applications", "InformationRequestItem")
    titles = {code: da or en for code, en, da in DocumentRequirement.objects.values_list("code", "title_en", "title_da")}
    type_names = {en: da or en for en, da in ApplicationType.objects.values_list("name_en", "name_da")}
    requested = defaultdict(list)  # request id -> Danish titles, in the order the request listed them
    for request_id, en, da in (InformationRequestItem.objects
                               .order_by("request_id", "requirement__order", "requirement__code")
                               .values_list("request_id", "requirement__title_en", "requirement__title_da")):
        requested[request_id].append(da or en)
    changed = []
    kinds = (*REQUIREMENT_KINDS, "type_changed", "information_requested")
    for event in CaseEvent.objects.filter(kind__in=kinds).iterator(chunk_size=2000):
        params = event.params
        if event.kind in REQUIREMENT_KINDS and "requirement_da" not in params and params.get("code") in titles:
            params["requirement_da"] = titles[params["code"]]
        elif event.kind == "type_changed" and "type_da" not in params and params.get("type") in type_names:
            params["type_da"] = type_names[params["type"]]
        elif event.kind == "information_requested" and "items_da" not in params and requested.get(params.get("request")):
            params["items_da"] = ", ".join(requested[params["request"]])
        else:
            continue
        changed.append(event)
    CaseEvent.objects.bulk_update(changed, ["params"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("applications", "0001_initial")]
    operations = [migrations.RunPython(add_danish_names, migrations.RunPython.noop)]
