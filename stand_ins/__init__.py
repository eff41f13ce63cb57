"""Stand-ins for outside services, run on loopback by the tests and the benches alike: a
scripted model server and a real small model behind llama.cpp's server. Not part of the
product, which never imports them."""
