# The package's own tests: they use its plugin (loaded through the pytest11 entry point
# of the installed package) and pytester, to run tests written as a user would.
pytest_plugins = ["pytester"]
