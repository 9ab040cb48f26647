"""Page cleanup with OpenCV: pure functions from image to image or image to finding."""
