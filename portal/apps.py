"""The admin as an app whose default site is the portal's own (portal.admin_site): staff
sign in with a second factor."""

from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    default_site = "portal.admin_site.PortalAdminSite"
