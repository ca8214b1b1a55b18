"""Pieces shared by the benchmarks in bench/: synthetic data, the approaches, measurement, output.

The scripts (bench/batch_bench.py, bench/build_bench.py) put the project folder first on
sys.path, so these modules and `pipeline` are the checkout's own, whichever checkout the
installed `vanthu` points to.
"""
