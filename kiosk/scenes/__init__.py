"""The scenes shoppers see: attract, home, browse, search, product, compare, and dialogs."""
