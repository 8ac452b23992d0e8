from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)
