project = "Harbour Handbook"
html_theme = "alabaster"
