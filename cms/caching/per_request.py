def once_per_request(context, name, compute):
    """The value of ``compute()``, computed once per request (or once per render without a
    request): the template tags that many parts of a page call ask for it again and again."""
    request = context.get("request")
    holder = request if request is not None else context
    values = getattr(holder, "_once_per_request", None)
    if values is None:
        values = {}
        try:
            holder._once_per_request = values
        except AttributeError:  # a plain template Context
            return compute()
    if name not in values:
        values[name] = compute()
    return values[name]
