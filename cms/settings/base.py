"""Settings shared by every environment.

Every value a deployment changes comes from an environment variable; the defaults are safe for
`make run` on a developer's machine. See the README for the full list.
"""

from pathlib import Path

import environ

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()

SECRET_KEY = env("SECRET_KEY", default="insecure-development-key-do-not-use-in-production")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "cms",
    "home",
    "media_library",
    "podcasts",
    "documents",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_transfer",
    "wagtailmedia",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "cms.middleware.SharedCacheHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files, compressed and with far-future headers for hashed names, from the app server.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cms.middleware.RangeRequestMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "cms.middleware.CachedSiteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# SQLite is only the embedded default of `make run`; CI and production use PostgreSQL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # `make run` has a web server and a task worker writing to one SQLite file: wait for the
    # other's write instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if REDIS_URL := env("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="cohesion"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# HTTP caching. Public answers may be kept this long by a shared cache (cms.middleware); a
# publication purges what it changes at once, so this only bounds how old the signature count
# on a cached page can be. FRONTEND_CACHE_URLS: the Varnish instances (or other HTTP caches
# accepting PURGE) to purge, comma-separated, e.g. http://127.0.0.1:6081.
HTTP_CACHE_SECONDS = env.int("HTTP_CACHE_SECONDS", default=300)
WAGTAILFRONTENDCACHE = {
    f"http-cache-{number}": {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": location,
    }
    for number, location in enumerate(env.list("FRONTEND_CACHE_URLS", default=[]), start=1)
}
# Each language's page is published, and purged, on its own: no need to purge 24 addresses.
WAGTAILFRONTENDCACHE_LANGUAGES = []

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: the 24 official languages of the EU, named in their own language and
# listed in EU protocol order (by the language's name in its own language).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("bg", "български"),
    ("es", "español"),
    ("cs", "čeština"),
    ("da", "dansk"),
    ("de", "Deutsch"),
    ("et", "eesti"),
    ("el", "ελληνικά"),
    ("en", "English"),
    ("fr", "français"),
    ("ga", "Gaeilge"),
    ("hr", "hrvatski"),
    ("it", "italiano"),
    ("lv", "latviešu"),
    ("lt", "lietuvių"),
    ("hu", "magyar"),
    ("mt", "Malti"),
    ("nl", "Nederlands"),
    ("pl", "polski"),
    ("pt", "português"),
    ("ro", "română"),
    ("sk", "slovenčina"),
    ("sl", "slovenščina"),
    ("fi", "suomi"),
    ("sv", "svenska"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "var" / "static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
MEDIA_URL = env("MEDIA_URL", default="/media/")
# Serve MEDIA_ROOT from Django itself (with range requests). Production puts a web server or
# object storage in front instead (docs/deployment.md); `make run` serves them this way.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: SMTP in production; `make run` writes every message to a file in var/mail so the
# confirmation links can be followed without a mail server.
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(BASE_DIR / "var" / "mail"))
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Cohesion Alliance <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# Wagtail
WAGTAIL_SITE_NAME = "#CohesionAlliance"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_DOCUMENT_MODEL = "documents.CustomDocument"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "pptx", "xlsx", "csv", "txt", "zip", "epub", "vtt"]
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain", "text/vtt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("WAGTAILDOCS_MAX_UPLOAD_SIZE", default=50 * 1024 * 1024)
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.int("WAGTAILIMAGES_MAX_UPLOAD_SIZE", default=20 * 1024 * 1024)
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif", "svg"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Players of YouTube videos come from youtube-nocookie.com (media_library/embeds.py).
WAGTAILEMBEDS_FINDERS = [{"class": "media_library.embeds.PrivacyFriendlyOEmbedFinder"}]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False

WAGTAILMEDIA = {
    "MEDIA_MODEL": "media_library.CustomMedia",
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "aac", "ogg", "oga", "opus", "wav"],
    "VIDEO_EXTENSIONS": ["mp4", "webm", "m4v", "mov"],
}
# Largest audio or video file officers may upload, in bytes.
MEDIA_MAX_UPLOAD_SIZE = env.int("MEDIA_MAX_UPLOAD_SIZE", default=500 * 1024 * 1024)

# wagtail-localize: no machine translation unless an API key is configured.
if DEEPL_API_KEY := env("DEEPL_API_KEY", default=""):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }

# --- wagtail-transfer (begin) ---------------------------------------------------------------
# wagtail-transfer: this instance's secret and the instances it may import from.
WAGTAILTRANSFER_SECRET_KEY = env("WAGTAILTRANSFER_SECRET_KEY", default="")
WAGTAILTRANSFER_SOURCES = env.json("WAGTAILTRANSFER_SOURCES", default={})
# --- wagtail-transfer (end) -----------------------------------------------------------------

# Background tasks (Django's tasks API through django-tasks): stored in the database and run by
# `manage.py db_worker`, so that an email that cannot be sent now is sent later.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Countries: the 27 EU member states first, in the visitor's language, then every other country.
EU_COUNTRIES = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
]  # fmt: skip
COUNTRIES_FIRST = EU_COUNTRIES
COUNTRIES_FIRST_SORT = True
COUNTRIES_FIRST_BREAK = "──────────"

# Signing the Joint Call.
SIGNATURE_CONFIRMATION_DAYS = env.int("SIGNATURE_CONFIRMATION_DAYS", default=7)
SIGNATURE_UNCONFIRMED_PURGE_DAYS = env.int("SIGNATURE_UNCONFIRMED_PURGE_DAYS", default=14)
SIGNATURE_RATE_LIMIT = env.int("SIGNATURE_RATE_LIMIT", default=10)
SIGNATURE_RATE_LIMIT_PERIOD = env.int("SIGNATURE_RATE_LIMIT_PERIOD", default=3600)
SIGNATURE_EMAIL_MAX_ATTEMPTS = env.int("SIGNATURE_EMAIL_MAX_ATTEMPTS", default=6)
SIGNATURE_COUNT_CACHE_SECONDS = env.int("SIGNATURE_COUNT_CACHE_SECONDS", default=300)
# Proxies in front of the site that append to X-Forwarded-For (0: use the connection's address).
TRUSTED_PROXY_HOPS = env.int("TRUSTED_PROXY_HOPS", default=0)
