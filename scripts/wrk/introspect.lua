-- POST /oauth2/introspect as a resource server does it: client Basic auth, the token in the form.
-- CLIENT_BASIC is base64(client_id:client_secret); TOKEN is the token to ask about.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic " .. os.getenv("CLIENT_BASIC")
wrk.body = "token=" .. os.getenv("TOKEN")
