from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Secure cookies need HTTPS; only `make serve` on http://127.0.0.1 turns them off.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)

# One PostgreSQL connection per worker thread, kept between requests and checked before reuse.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# Static files: collected (`manage.py collectstatic`), compressed and content-hashed, served by
# whitenoise from every app server (a CDN or Varnish in front keeps them).
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}

# Uploaded images, documents, audio and video: the local MEDIA_ROOT (one app server, or a shared
# volume), or S3-compatible object storage shared by all app servers when a bucket is set.
if AWS_STORAGE_BUCKET_NAME := env("AWS_STORAGE_BUCKET_NAME", default=""):
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
            "access_key": env("AWS_ACCESS_KEY_ID", default=None),
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default=None),
            # Public files at stable addresses: no signed, expiring links in cached pages.
            "querystring_auth": False,
            "default_acl": None,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=86400"},
        },
    }
