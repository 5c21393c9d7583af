Route #1: 1 2
Route #2: 4 3
Route #3: 5
Cost 41.4
