"""dates/builders"""
