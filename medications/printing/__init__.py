"""Printing for nurses: what a printed leaflet holds (printout), its PDF (pdf) and the views."""
