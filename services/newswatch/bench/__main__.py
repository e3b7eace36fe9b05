import sys

from newswatch.bench.runner import main

sys.exit(main())
