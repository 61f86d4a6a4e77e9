"""What search engines and shared links read about a page: a short description that ends at a
sentence boundary, and schema.org data (JSON-LD) about a leaflet. Plain values only: the
facts come from the leaflet's own fields, nothing is added."""

import json
import re

DESCRIPTION_LENGTH = 160
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9À-Ý\"'(])")


def first_sentences(text, max_length=DESCRIPTION_LENGTH):
    """As many whole sentences as fit in `max_length` characters, at least the first one
    (never a sentence cut off with '…': 'Het doel …' tells a reader nothing)."""
    text = " ".join((text or "").split())
    sentences = SENTENCE_END.split(text)
    kept = sentences[:1]
    for sentence in sentences[1:]:
        if len(" ".join([*kept, sentence])) > max_length:
            break
        kept.append(sentence)
    return " ".join(kept)


def leaflet_structured_data(medication, page_url, language="nl"):
    """schema.org MedicalWebPage about the medication, for a <script type="application/ld+json">
    block: data for search engines, never executed (the CSP allows no inline scripts)."""
    drug = {"@type": "Drug", "name": medication.name}
    if medication.brand_name_list:
        drug["alternateName"] = medication.brand_name_list
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": medication.name,
        "url": page_url,
        "inLanguage": language,
        "description": first_sentences(medication.summary),
        "about": drug,
        "audience": {"@type": "Patient"},
        "lastReviewed": medication.last_reviewed.isoformat(),
    }
    return json_script_text(data)


def json_script_text(data):
    """JSON that is safe inside <script>: '<', '>' and '&' as \\u escapes (like Django's
    json_script), so no text of a leaflet can close the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False)
    return text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
