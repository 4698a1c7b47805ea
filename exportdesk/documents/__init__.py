"""Documents: ICP, sheets and pledges as PDF (jinja2 + reportlab)."""
