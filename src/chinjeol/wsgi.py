import os
import sys

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chinjeol.settings")
try:
    application = get_wsgi_application()
except ImproperlyConfigured as exc:  # e.g. a weak SECRET_KEY in production: say it in one line
    print(f"시작할 수 없습니다: {exc}", file=sys.stderr, flush=True)
    raise SystemExit(4) from None  # gunicorn's "application failed to load": the server stops
