"""Shell: the app's pages, service worker, assets and the OpenAPI document."""
