"""Test packages mirror the product packages; this file makes them ``tests.*`` so that no test
directory (tests/contracts, tests/screening, tests/api) shadows the package it tests."""
