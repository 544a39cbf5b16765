"""The ``kg`` command: a thin click front end over the ``kg`` library."""
