"""Drop-in fast versions of sumy's summarizers: same picks, numpy arithmetic instead of Python loops.

Each module holds one subclass of a sumy summarizer, named in ``SUMMARIZERS`` as its
``fast_class``. They keep sumy's constructor, ``stop_words`` and ``__call__`` and return
sumy's own Sentence objects, and they reproduce sumy's arithmetic (including its quirks)
so that they pick the same sentences; ``tests/test_parity.py`` checks that they do.
"""
