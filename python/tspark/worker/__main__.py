"""Entry point: ``python -m tspark.worker``."""
from tspark.worker.main import main

if __name__ == "__main__":
    main()
