import sys

from newswatch_dev.bench.runner import main

sys.exit(main())
