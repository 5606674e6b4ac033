from bersih.cli import main

main()
