"""The search page and the search box's suggestions."""

from django.http import JsonResponse
from django.shortcuts import redirect, render

from search.query import search_medications, suggest
from serving.policy import rate_limited


@rate_limited("RATE_LIMIT_SEARCH", group="search")
def search(request):
    # `letterlijk=1`: the patient chose the words as typed over the suggested correction.
    results = search_medications(
        request.GET.get("q", ""), correct=request.GET.get("letterlijk") != "1"
    )
    if results.redirect_url:
        return redirect(results.redirect_url)
    return render(request, "search/results.html", {"query": results.query, "results": results})


@rate_limited("RATE_LIMIT_SEARCH", group="search")
def suggestions(request):
    """Names and glossary terms starting with what is typed, for the search box (JSON)."""
    return JsonResponse({"suggestions": suggest(request.GET.get("q", ""))})
