"""Writers: every output chronogen produces, each in a module of its own."""
