import App
print("vitaal")
