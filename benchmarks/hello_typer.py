"""The smallest typer + rich program: the start-up floor bersih is compared with."""

import typer
from rich.console import Console

app = typer.Typer()


@app.command()
def hello() -> None:
    Console().print("hello")


if __name__ == "__main__":
    app()
