"""Settings shared by every environment.

Every value a deployment changes comes from an environment variable; the defaults are safe for
`make run` on a developer's machine. See the README for the full list.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()

SECRET_KEY = env("SECRET_KEY", default="insecure-development-key-do-not-use-in-production")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# The project's own apps: the one list of them (the tests and checks that go over every app of
# ours read it here).
PROJECT_APPS = [
    "cms",
    "home",
    "signatures",
    "media_library",
    "podcasts",
    "documents",
    "demo",
    "transfer",
]

INSTALLED_APPS = [
    *PROJECT_APPS,
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_transfer",
    "wagtailmedia",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
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
    "django.contrib.sitemaps",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
]

MIDDLEWARE = [
    "cms.caching.middleware.SharedCacheHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.SecurityHeadersMiddleware",
    # Static files, compressed and with far-future headers for hashed names, from the app server.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cms.middleware.RangeRequestMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # LocaleMiddleware, without language redirects outside i18n_patterns (the admin, files…).
    "cms.i18n.middleware.SiteLocaleMiddleware",
    "cms.caching.middleware.ContentVersionMiddleware",
    "cms.caching.middleware.CachedSiteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: it locks out clients after repeated failed logins (settings below).
    "axes.middleware.AxesMiddleware",
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

# "renditions": Wagtail's cache of image renditions (cms/caching/renditions.py says why a
# backend of our own).
if REDIS_URL := env("REDIS_URL", default=""):
    CACHES = {
        alias: {
            "BACKEND": backend,
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="cohesion"),
        }
        for alias, backend in (
            ("default", "cms.caching.redis.RedisCache"),
            ("renditions", "cms.caching.renditions.RedisRenditionCache"),
        )
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "renditions": {
            "BACKEND": "cms.caching.renditions.LocMemRenditionCache",
            "LOCATION": "renditions",  # LocMem caches with the same location share their entries
        },
    }

# HTTP caching. Public answers may be kept this long by a shared cache (cms.caching.middleware); a
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

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failed logins from one address for one
# username, that pair is locked out (429) for AXES_COOLOFF_MINUTES. Works for Wagtail's and
# Django's admin login, which both authenticate with the request.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "cms.rate_limit.client_address"
AXES_LOCKOUT_TEMPLATE = "lockout.html"

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
FORMAT_MODULE_PATH = ["cms.formats"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
# The Europa Component Library (EU preset), unpacked by `make install` (deploy/install_ecl.py),
# served under /static/ecl/.
ECL_ROOT = Path(env("ECL_ROOT", default=str(BASE_DIR / "var" / "ecl")))
STATICFILES_DIRS = [PROJECT_DIR / "static", ("ecl", ECL_ROOT / "dist")]
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
# Seconds the mail server may take to answer each step before the email fails (and is tried
# again later): without it, a server that never answers holds the worker for ever.
EMAIL_TIMEOUT = env.float("EMAIL_TIMEOUT", default=10)
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
# PostgreSQL full text with each language's stemming (cms/search/backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search.backend"}}
WAGTAILDOCS_DOCUMENT_MODEL = "documents.CustomDocument"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "pptx", "xlsx", "csv", "txt", "zip", "epub", "vtt"]
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain", "text/vtt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("WAGTAILDOCS_MAX_UPLOAD_SIZE", default=50 * 1024 * 1024)
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.int("WAGTAILIMAGES_MAX_UPLOAD_SIZE", default=20 * 1024 * 1024)
# No SVG: an SVG image can run scripts on the site's origin (cms/editing/image_forms.py).
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
# Every image needs its description, its alternative text (cms/editing/image_forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.editing.image_forms.ImageForm"
# An empty file is refused as empty, not for its missing extension (documents/forms.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "documents.forms.DocumentForm"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Players of YouTube videos come from youtube-nocookie.com (media_library/embeds.py).
WAGTAILEMBEDS_FINDERS = [{"class": "media_library.embeds.PrivacyFriendlyOEmbedFinder"}]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: the admin shows its default avatar and asks nothing of gravatar.com.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False

WAGTAILMEDIA = {
    "MEDIA_MODEL": "media_library.CustomMedia",
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "aac", "ogg", "oga", "opus", "wav"],
    "VIDEO_EXTENSIONS": ["mp4", "webm", "m4v", "mov"],
    # Says under the file field which formats are accepted and how large a file may be.
    "MEDIA_FORM_BASE": "media_library.upload_forms.MediaForm",
}
# Largest audio or video file officers may upload, in bytes.
MEDIA_MAX_UPLOAD_SIZE = env.int("MEDIA_MAX_UPLOAD_SIZE", default=500 * 1024 * 1024)

# wagtail-localize: no machine translation unless an API key is configured.
if DEEPL_API_KEY := env("DEEPL_API_KEY", default=""):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }
# Submitting a page for translation makes a draft: only publishing it puts a translation before
# visitors (by default wagtail-localize publishes the untranslated copy of a live page at once).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- wagtail-transfer (begin) ---------------------------------------------------------------
# wagtail-transfer (docs/content-transfer.md): this instance's secret, which the instances that
# import from it must know, and the instances it may import from, as JSON in one variable:
# {"staging": {"BASE_URL": "https://staging.example.eu/wagtail-transfer/", "SECRET_KEY": "…"}}.
WAGTAILTRANSFER_SECRET_KEY = env("WAGTAILTRANSFER_SECRET_KEY", default="")
WAGTAILTRANSFER_SOURCES = env.json("WAGTAILTRANSFER_SOURCES", default={})
for _name, _source in WAGTAILTRANSFER_SOURCES.items():
    if not isinstance(_source, dict) or not {"BASE_URL", "SECRET_KEY"} <= set(_source):
        raise ImproperlyConfigured(
            f"WAGTAILTRANSFER_SOURCES[{_name!r}] needs a BASE_URL and a SECRET_KEY."
        )
    _source["BASE_URL"] = _source["BASE_URL"].rstrip("/") + "/"
# How objects are matched between instances: locales by language code, users by username (an
# IntegrityError on auth_user.username otherwise). Pages, images, documents, media files and
# snippets by the UUIDs wagtail-transfer records; pages also by translation key and locale.
WAGTAILTRANSFER_LOOKUP_FIELDS = {
    "wagtailcore.locale": ["language_code"],
    "auth.user": ["username"],
}
# Never created because something refers to them: pages outside what was chosen, revisions
# (the page <-> latest revision cycle, wagtail-transfer issue #163; the importer saves a new
# revision of every page it writes) and users (no staging account becomes a production one).
WAGTAILTRANSFER_NO_FOLLOW_MODELS = [
    "wagtailcore.page",
    "wagtailcore.revision",
    "contenttypes.contenttype",
    "auth.user",
]
# Brought up to date when a transferred page refers to them: the files and the video series.
WAGTAILTRANSFER_UPDATE_RELATED_MODELS = [
    "wagtailimages.image",
    "documents.customdocument",
    "media_library.custommedia",
    "media_library.videoseries",
]
# How long the admin waits for the source's page chooser, and for its export API (seconds).
WAGTAILTRANSFER_CHOOSER_API_PROXY_TIMEOUT = env.int("WAGTAILTRANSFER_TIMEOUT", default=30)
# --- wagtail-transfer (end) -----------------------------------------------------------------

# Background tasks (Django's tasks API through django-tasks): stored in the database and run by
# `manage.py task_worker` (django-tasks-db's db_worker, which also recovers the emails of a worker
# that died), so that an email that cannot be sent now is sent later.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# An email queued or running for longer than this is stuck: the dashboard counts it, and, if its
# worker died while sending it, the task worker queues it again (every TASK_WORKER_SWEEP_SECONDS).
SIGNATURE_EMAIL_STUCK_MINUTES = env.float("SIGNATURE_EMAIL_STUCK_MINUTES", default=10)
TASK_WORKER_SWEEP_SECONDS = env.float("TASK_WORKER_SWEEP_SECONDS", default=60)

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

# Security headers (cms.middleware.SecurityHeadersMiddleware, django-csp). Public pages run only
# the site's own scripts: no 'unsafe-inline' for scripts (JSON-LD data blocks are not run). Videos
# on platforms play in frames from CSP_FRAME_SOURCES; media may come from another origin
# (CSP_MEDIA_SOURCES, e.g. object storage). The Wagtail admin, which still needs inline scripts
# and styles, has its own policy (ADMIN_CONTENT_SECURITY_POLICY) under ADMIN_URL_PREFIXES.
CSP_FRAME_SOURCES = env.list(
    "CSP_FRAME_SOURCES",
    default=["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
)
CSP_MEDIA_SOURCES = env.list("CSP_MEDIA_SOURCES", default=[])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *CSP_MEDIA_SOURCES],
        "media-src": ["'self'", *CSP_MEDIA_SOURCES],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": CSP_FRAME_SOURCES,
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
ADMIN_URL_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https:"],
    "media-src": ["'self'", "blob:", *CSP_MEDIA_SOURCES],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'", *CSP_FRAME_SOURCES],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# Powerful browser features the site never uses are off; sharing and full-screen players are on.
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "browsing-topics": [],
    "clipboard-write": ["self"],
    "fullscreen": ["self", *CSP_FRAME_SOURCES],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
