"""Helpers shared by tests: not fixtures, plain functions."""


def admin_form_data(response):
    """What the browser would post back from an admin change page, unchanged."""
    forms = [response.context["adminform"].form]
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        forms += formset.forms
        management = formset.management_form
        data.update(
            {management.add_prefix(name): management[name].value() for name in management.fields}
        )
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            data[form.add_prefix(name)] = "on" if value is True else value
    return data
