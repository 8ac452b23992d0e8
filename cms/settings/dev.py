from .base import *  # noqa: F403
from .base import INSTALLED_APPS, env

DEBUG = env.bool("DEBUG", default=True)
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)

# `runserver` serves static files through WhiteNoise (in MIDDLEWARE, with Django's finders while
# DEBUG) rather than its own handler: that handler answers a path outside the static folders
# (/static/../cms/settings/base.py) with a 500, WhiteNoise leaves it to Django, which says 400.
INSTALLED_APPS = ["whitenoise.runserver_nostatic", *INSTALLED_APPS]
