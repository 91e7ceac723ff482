from lpb import create_app

app = create_app()
