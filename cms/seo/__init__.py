"""What search engines and social media read: each page's canonical address, share image and
description (Open Graph, Twitter cards) and schema.org data (``metadata``, from what each page
type says of itself through ``SeoMixin``; the JSON-LD helpers in ``structured_data``), the
sitemap (``sitemap``) and robots.txt (``robots``)."""
