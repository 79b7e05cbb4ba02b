from dmlint.cli import main

main()
