import Exact
print("bench")
