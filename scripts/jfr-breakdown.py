#!/usr/bin/env python3
"""Where a Flight Recorder profile's CPU samples go, for docs/performance.md.

    jfr print --json --events jdk.ExecutionSample --stack-depth 256 FILE.jfr | scripts/jfr-breakdown.py

Counts only the samples of threads serving requests (their stack passes through Tomcat's
connector), so start-up and background jobs are left out. Prints two tables: each sample
charged to the innermost framework on its stack (exclusive), and the share of samples whose
stack passes through a given method (inclusive).
"""
import json
import sys

FRAMEWORKS = [
    ("Latchkey", "dev.latchkey."),
    ("Micrometer (metrics, observations)", "io.micrometer."),
    ("Spring Security", "org.springframework.security."),
    ("Spring Session", "org.springframework.session."),
    ("Spring MVC and the rest of Spring", "org.springframework."),
    ("Jackson", "tools.jackson."),
    ("Jackson", "com.fasterxml.jackson."),
    ("Tomcat", "org.apache."),
    ("Caffeine", "com.github.benmanes."),
    ("JDK", "java."),
    ("JDK", "jdk."),
    ("JDK", "sun."),
]

THROUGH = [
    ("observation filter (http.server.requests)", "org.springframework.web.filter.ServerHttpObservationFilter.doFilterInternal"),
    ("Spring Session filter", "org.springframework.session.web.http.SessionRepositoryFilter.doFilterInternal"),
    ("Spring Security filter chain", "org.springframework.security.web.FilterChainProxy.doFilter"),
    ("dispatcher", "org.springframework.web.servlet.DispatcherServlet.doDispatch"),
    ("lean path", "dev.latchkey.auth.LeanPathFilter.doFilter"),
    ("token gate", "dev.latchkey.auth.TokenGate.check"),
    ("client authentication", "dev.latchkey.client.ClientManagement.authenticate"),
    ("resource handler", "org.springframework.web.servlet.resource.ResourceHttpRequestHandler.handleRequest"),
    ("Tomcat's request processing", "org.apache.coyote.http11.Http11Processor.service"),
]


def frames(event):
    stack = event["values"].get("stackTrace") or {}
    for frame in stack.get("frames", []):
        method = frame["method"]
        yield method["type"]["name"].replace("/", ".") + "." + method["name"]


def main():
    events = [event for event in json.load(sys.stdin)["recording"]["events"]
              if any(frame.startswith("org.apache.tomcat.util.net.") for frame in frames(event))]
    total = len(events)
    exclusive = {}
    inclusive = {name: 0 for name, _ in THROUGH}
    for event in events:
        stack = list(frames(event))
        owner = "other"
        for frame in stack:
            owner = next((name for name, prefix in FRAMEWORKS if frame.startswith(prefix)), None)
            if owner is not None:
                break
        owner = owner or "other"
        exclusive[owner] = exclusive.get(owner, 0) + 1
        for name, method in THROUGH:
            if any(frame == method for frame in stack):
                inclusive[name] += 1
    print(f"{total} samples of threads serving requests")
    print("innermost framework (exclusive):")
    for name, count in sorted(exclusive.items(), key=lambda item: -item[1]):
        print(f"  {name:40} {100 * count / total:5.1f} %")
    print("stack passes through (inclusive):")
    for name, count in inclusive.items():
        if count:
            print(f"  {name:40} {100 * count / total:5.1f} %")


main()
