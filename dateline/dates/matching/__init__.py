"""dates/matching"""
