"""Helpers shared by tests: not fixtures, plain functions."""


def write(*rows, delete=False):
    """Save (or delete) content rows as a script does: inside the write path, declared."""
    from medications import publishing

    with publishing.changes() as batch:
        for row in rows:
            pk = row.pk
            if delete:
                row.delete()
                row.pk = pk  # declared by the id it had
            else:
                row.save()
            batch.row_changed(row)


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


def current_code(user):
    """The six digits the user's authenticator app shows now (their device made if need be)."""
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
