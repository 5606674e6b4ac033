from bersih.quick import main

main()
