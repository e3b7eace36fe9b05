"""``newswatch poll``: feeds and their article pages, polled politely, to ``news.articles``.

One job per module: ``sources`` (the analyst's file), ``entries`` (feed kinds to entries),
``guard`` (which addresses a feed may make us reach), ``fetch`` (polite, bounded HTTP),
``robots``, ``seen`` (durable memory of what was published), ``articles`` (entry plus page to an
Article), ``service`` (the rounds), ``web`` (/metrics, /healthz, /readyz) and ``run`` (the command).
"""
