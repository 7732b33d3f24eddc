"""Property tests run the same examples on every machine, and leave no example database behind."""
from hypothesis import settings

settings.register_profile("review", derandomize=True, database=None, print_blob=True)
settings.load_profile("review")
