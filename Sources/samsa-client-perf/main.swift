print("samsa-client-perf")
