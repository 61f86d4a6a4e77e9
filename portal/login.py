"""The editors' way in (/beheer/login/): what is checked before django-axes counts a try.

axes locks one username from one client address (serving.clients) after a few wrong
passwords, so a stranger cannot lock a real editor out from elsewhere. Two things come
first, here, before anything is written:

- a username longer than any account can have is refused as it is: axes stores the
  username of every failed try, and 1 MB usernames grew the database by 3 MB a try;
- one address gets at most RATE_LIMIT_LOGIN tries per hour over all usernames, far above
  axes' limit per username, so guessing across many accounts is slow too.
"""

from functools import wraps

from django.conf import settings
from django.contrib.auth import get_user_model
from django.shortcuts import render

from serving.errors import bad_request
from serving.policy import rate_limited

MAX_USERNAME_LENGTH = get_user_model()._meta.get_field("username").max_length


def guarded(login_view):
    """The admin's login view behind the checks of this module."""

    @rate_limited("RATE_LIMIT_LOGIN", group="login", methods=("POST",))
    @wraps(login_view)
    def view(request, *args, **kwargs):
        if request.method == "POST":
            username = request.POST.get("username", "")
            if len(username) > MAX_USERNAME_LENGTH:
                return bad_request(request)
        return login_view(request, *args, **kwargs)

    return view


def locked_out(request, original_response=None, credentials=None):
    """axes' answer to a locked-out username and address: a Dutch page that says how long."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME * 60))
    return render(request, "errors/login_locked.html", {"minutes": minutes}, status=429)
