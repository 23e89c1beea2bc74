// The demo storefront's stand-in for a backend: it takes the customer's token from the address
// fragment (#token=<JWT>&order=order_456), which browsers never send to a server, and removes it
// from the address bar at once. A classic script, so it runs before the widget module it adds.
(function () {
  'use strict';
  var params = new URLSearchParams(location.hash.slice(1));
  var token = params.get('token') || '';
  // No order in the fragment: order_456. An empty one (#order=&token=...): the customer's threads.
  var orderId = params.has('order') ? params.get('order') : 'order_456';
  var productId = params.get('product') || '';
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);

  // The widget's token callback: the one global the widget is told about.
  window.demoShopToken = function () {
    return Promise.resolve(token);
  };

  // Loaded at the end of <body>: the page is parsed, the widget can append itself to it.
  document.getElementById('order-id').textContent = orderId || 'history';

  var widget = document.createElement('script');
  widget.type = 'module';
  widget.src = '../widget/chat-widget.js';
  widget.dataset.tokenCallback = 'demoShopToken';
  if (orderId) widget.dataset.orderId = orderId;
  if (productId) widget.dataset.productId = productId;
  widget.dataset.open = params.get('open') === 'false' ? 'false' : 'true';
  document.currentScript.after(widget);
})();
